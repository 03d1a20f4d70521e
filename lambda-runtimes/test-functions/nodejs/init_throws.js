// Throws while being loaded: the init error is the error itself
throw new TypeError('init failed on purpose');
