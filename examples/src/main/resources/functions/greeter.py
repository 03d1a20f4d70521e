def handler(event, context):
    return {"greeting": "Hello, " + event.get("name", "world") + "!"}
