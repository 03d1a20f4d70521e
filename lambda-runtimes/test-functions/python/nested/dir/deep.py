"""Handler `nested/dir/deep.handler`: a module path with slashes, as AWS allows."""


def handler(event, context):
    return {"module": __name__, "event": event}
