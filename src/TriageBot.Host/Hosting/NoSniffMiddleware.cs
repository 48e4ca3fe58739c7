namespace TriageBot.Host.Hosting;

/// <summary>
/// <c>X-Content-Type-Options: nosniff</c> on every response: pages, Direct Line, <c>/api/messages</c>, health and
/// every error. Set as the response starts, so a handler that clears the headers (an error page) cannot drop it.
/// </summary>
internal sealed class NoSniffMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
