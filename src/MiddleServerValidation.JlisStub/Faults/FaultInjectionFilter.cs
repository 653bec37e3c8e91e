namespace MiddleServerValidation.JlisStub.Faults;

/// <summary>
/// Wraps the lookup endpoint: counts it, then throttles (429), delays and fails (503) as configured,
/// in that order, like a real gateway that rejects before doing any work.
/// </summary>
internal sealed class FaultInjectionFilter(FaultInjector injector, StubStats stats) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // In flight until the handler has produced its result: the count drops before the response
        // is written, so a client can never see it higher than the requests it really has open.
        using var scope = stats.BeginRequest();
        var http = context.HttpContext;
        var faults = injector.Current;

        if (!faults.TryAcquireRequestPermit())
        {
            stats.CountTooManyRequests();
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(detail: "Rate limit exceeded (injected).", statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (faults.Settings.LatencyMs > 0)
        {
            try
            {
                await Task.Delay(faults.Settings.LatencyMs, http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client gave up (its attempt timed out); nobody is left to answer.
                return Results.Empty;
            }
        }

        if (faults.NextRequestFails())
        {
            stats.CountServiceUnavailable();
            return TypedResults.Problem(detail: "Service unavailable (injected).", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return await next(context);
    }
}
