// Fails at load: Runtime.ImportModuleError
require('hangar-module-that-does-not-exist');

exports.handler = async () => 'unreachable';
