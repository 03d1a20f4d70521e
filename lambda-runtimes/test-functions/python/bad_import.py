"""Fails at import: Runtime.ImportModuleError "Unable to import module 'bad_import': No module named '...'"."""
import hangar_module_that_does_not_exist  # noqa: F401


def handler(event, context):
    return "unreachable"
