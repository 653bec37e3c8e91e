using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MiddleServerValidation.Jlis.Tests.Infrastructure;

/// <summary>Keeps every log line, so tests can check what was reported and that no personal number leaked.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyCollection<CapturedLog> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception), exception?.ToString()));
    }
}

internal sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, string? Exception)
{
    public bool Mentions(string text) => Message.Contains(text, StringComparison.Ordinal) || Exception?.Contains(text, StringComparison.Ordinal) == true;
}
