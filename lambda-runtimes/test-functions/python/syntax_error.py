"""Not valid Python on purpose: Runtime.UserCodeSyntaxError."""
def handler(event, context)
    return "unreachable"
