# verdict_checks(<prefix> <verdict>): the checks of a guard's verdict
# (VERDICT_VARIABLE), read the one way every case reads them. Sets <prefix>
# to their indices (0;1;..., "" when there are none) and <prefix>_STATUS_<i>
# and <prefix>_REASON_<i> for each (a reason may hold ';', so it is never a
# list item).
include_guard(GLOBAL)

function(verdict_checks prefix verdict)
  set(indices "")
  string(JSON count LENGTH "${verdict}" checks)
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(index RANGE ${last})
      string(JSON check GET "${verdict}" checks ${index})
      string(JSON status GET "${check}" status)
      string(JSON reason GET "${check}" reason)
      list(APPEND indices ${index})
      set(${prefix}_STATUS_${index} "${status}" PARENT_SCOPE)
      set(${prefix}_REASON_${index} "${reason}" PARENT_SCOPE)
    endforeach()
  endif()
  set(${prefix} "${indices}" PARENT_SCOPE)
endfunction()
