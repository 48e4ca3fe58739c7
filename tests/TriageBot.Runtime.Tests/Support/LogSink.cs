using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TriageBot.Runtime.Tests.Support;

/// <summary>Captures log events in memory: everything that would reach a log store, to assert on.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName, _entries);

    public ILogger<T> CreateLogger<T>() => new SinkLogger<T>(_entries);

    public void Dispose()
    {
    }

    private class SinkLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }

    private sealed class SinkLogger<T>(ConcurrentQueue<LogEntry> entries) : SinkLogger(typeof(T).FullName!, entries), ILogger<T>;
}

/// <summary>One captured log event.</summary>
internal sealed record LogEntry(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> Values,
    Exception? Exception)
{
    /// <summary>The formatted message, every structured value and the exception: all a log store could keep.</summary>
    public string AllText =>
        string.Join('\n', [Message, .. Values.Select(v => $"{v.Key}={v.Value}"), Exception?.ToString() ?? string.Empty]);
}
