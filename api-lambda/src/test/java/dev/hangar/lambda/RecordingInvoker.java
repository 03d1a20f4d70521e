package dev.hangar.lambda;

import dev.hangar.lambda.invoke.FunctionInvoker;
import dev.hangar.lambda.invoke.InvocationRequest;
import dev.hangar.lambda.invoke.InvocationResult;
import dev.hangar.lambda.invoke.RunnableFunction;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** A stand-in for the invocation side: records what the control plane hands over and answers as told. */
final class RecordingInvoker implements FunctionInvoker {

    record Call(String kind, RunnableFunction function, InvocationRequest request) {
    }

    record Retire(String functionArn, String version) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<Retire> retired = new CopyOnWriteArrayList<>();
    volatile int resets;
    volatile BiFunction<RunnableFunction, InvocationRequest, InvocationResult> answer =
            (f, r) -> new InvocationResult(r.payload(), null, null, f.version());

    @Override
    public CompletableFuture<InvocationResult> invoke(RunnableFunction function, InvocationRequest request) {
        calls.add(new Call("invoke", function, request));
        return CompletableFuture.completedFuture(answer.apply(function, request));
    }

    @Override
    public void enqueue(RunnableFunction function, InvocationRequest request) {
        calls.add(new Call("enqueue", function, request));
    }

    @Override
    public void retire(String functionArn, String version) {
        retired.add(new Retire(functionArn, version));
    }

    @Override
    public void reset() {
        resets++;
    }
}
