// Not valid JavaScript on purpose: Runtime.UserCodeSyntaxError
exports.handler = async (event => {
