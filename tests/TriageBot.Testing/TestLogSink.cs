using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TriageBot.Testing;

/// <summary>Captures every log line the app writes, so tests can check what was (and was not) logged.</summary>
public sealed class TestLogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Everything logged, as one string: handy for "never contains the user's words" checks.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => $"{e.Category} {e.EventName} {e.Message} {e.Exception}"));

    public IEnumerable<LogEntry> WithEvent(string eventName) => _entries.Where(e => e.EventName == eventName);

    public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class SinkLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        /// <summary>Everything but <see cref="LogLevel.None"/>, which real providers (console, debug) never write.</summary>
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, eventId.Name, formatter(state, exception), exception?.ToString()));
            }
        }
    }
}

/// <summary>One captured log line.</summary>
public sealed record LogEntry(string Category, LogLevel Level, int EventId, string? EventName, string Message, string? Exception);
