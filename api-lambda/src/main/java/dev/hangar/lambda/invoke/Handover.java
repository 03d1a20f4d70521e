package dev.hangar.lambda.invoke;

/**
 * What giving an idle environment its next invocation ({@link ExecutionEnvironment#tryAssign}) leaves to the caller
 * once it holds no lock: writing START to the log and answering the runtime's waiting poll. Answering the poll runs
 * its dependent stages (the Runtime API's response, whatever else hangs on it) and the log sink is another service:
 * neither may run under a pool's or an environment's lock.
 */
interface Handover {

    /** Call exactly once, holding no lock of the invocation side. */
    void complete();
}
