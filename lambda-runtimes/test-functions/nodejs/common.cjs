// A CommonJS handler with the .cjs extension: handler name common.handler
exports.handler = async (event) => ({ cjs: true, event });
