-- wrk script for Hangar's benchmark harness (bench/run.py): one awsJson1_1 ECS operation, sent again and again.
--   wrk -t2 -c8 -d10s -s bench/wrk/awsjson.lua http://127.0.0.1:PORT/ -- <Operation> '<json body>'
-- done() prints one line "WRK_JSON {...}" with the totals and latency percentiles (microseconds).
-- errors.status is wrk's count of responses with a status of 400 or more (its "Non-2xx or 3xx" line); the harness
-- treats any such response, and any socket error, as a failed benchmark. run.py checks the exact request once with
-- its own client beforehand (status 200 and the expected body), so 3xx answers cannot slip through either.
-- No response() hook on purpose: defining one makes wrk hand every header and body to Lua, which costs client CPU
-- on a 2-core machine where wrk and the server share the cores.

local target_prefix = "AmazonEC2ContainerServiceV20141113."

function init(args)
   local operation = args[1] or "ListClusters"
   local body = args[2] or "{}"
   wrk.method = "POST"
   wrk.path = "/"
   wrk.body = body
   wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
   wrk.headers["X-Amz-Target"] = target_prefix .. operation
   wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/ecs/aws4_request, "
      .. "SignedHeaders=host, Signature=00"
end

function done(summary, latency, requests)
   local e = summary.errors
   local parts = {
      string.format('"requests":%d', summary.requests),
      string.format('"duration_us":%d', summary.duration),
      string.format('"bytes":%d', summary.bytes),
      string.format('"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}',
         e.connect, e.read, e.write, e.status, e.timeout),
      string.format('"latency_us":{"min":%d,"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p75":%d,"p90":%d,"p99":%d,"p999":%d}',
         latency.min, latency.mean, latency.stdev, latency.max,
         latency:percentile(50), latency:percentile(75), latency:percentile(90),
         latency:percentile(99), latency:percentile(99.9)),
   }
   io.write("WRK_JSON {" .. table.concat(parts, ",") .. "}\n")
end
