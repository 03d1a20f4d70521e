package dev.hangar.lambda;

import dev.hangar.core.admin.ConsoleView;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.LambdaFunction;
import dev.hangar.lambda.invoke.EnvironmentSnapshot;
import dev.hangar.lambda.invoke.FunctionInvoker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lambda on the web console: functions with their state, runtime, log group and execution environments. */
final class LambdaConsoleView implements ConsoleView {

    private final AccountRegionStore<LambdaRegion> regions;
    private final FunctionInvoker invoker;

    LambdaConsoleView(AccountRegionStore<LambdaRegion> regions, FunctionInvoker invoker) {
        this.regions = regions;
        this.invoker = invoker;
    }

    @Override
    public List<Map<String, Object>> resources() {
        List<Map<String, Object>> out = new ArrayList<>();
        regions.forEach((account, region, lambda) -> {
            List<LambdaFunction> functions = lambda.all();
            if (functions.isEmpty()) {
                return;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("account", account);
            entry.put("region", region);
            entry.put("functions", functions.stream().map(this::function).toList());
            out.add(entry);
        });
        return out;
    }

    private Map<String, Object> function(LambdaFunction function) {
        FunctionConfigurationState latest = function.latest();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", function.name());
        m.put("arn", function.arn());
        m.put("state", latest.status().state());
        m.put("lastUpdateStatus", latest.status().lastUpdateStatus());
        m.put("stateReason", latest.status().stateReason());
        m.put("packageType", latest.code().packageType());
        m.put("runtime", latest.runtime());
        m.put("handler", latest.handler());
        m.put("imageUri", latest.code().imageUri());
        // as the invocation side names it (StandardVariables.logGroup)
        m.put("logGroup", latest.logGroup() != null ? latest.logGroup() : "/aws/lambda/" + function.name());
        List<Map<String, Object>> environments = new ArrayList<>();
        for (EnvironmentSnapshot env : invoker.environments(function.arn())) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("id", env.id());
            em.put("version", env.version());
            em.put("state", env.state());
            em.put("containerId", env.containerId());
            environments.add(em);
        }
        m.put("environments", environments);
        return m;
    }
}
