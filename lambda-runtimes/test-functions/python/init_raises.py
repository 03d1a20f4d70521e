"""Raises while being imported: the init error is the exception itself (errorType "ValueError")."""
raise ValueError("init failed on purpose")


def handler(event, context):
    return "unreachable"
