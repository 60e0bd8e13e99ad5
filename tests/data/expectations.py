"""The one way the tests in tests/data report a check: 'ok: ' or 'FAIL: ' and what was seen."""


def expect(condition, message, detail, failures):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        print(detail)
        failures.append(message)
