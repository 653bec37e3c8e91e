using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MiddleServerValidation.Worker.Registration;

/// <summary>
/// The group commit of single messages: a span per chunk, linked to the span of every message in it (each message's
/// trace shows which chunk decided it), and the chunks' sizes and times.
/// </summary>
public sealed class RegistrationMetrics
{
    public const string Name = "MiddleServerValidation.Registrations";

    private readonly ActivitySource _source = new(Name);
    private readonly Histogram<int> _chunkSize;
    private readonly Histogram<double> _chunkDuration;

    public RegistrationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _chunkSize = meter.CreateHistogram<int>("msv.registrations.chunk.size", "{registration}", "Messages decided together in one chunk.");
        _chunkDuration = meter.CreateHistogram<double>("msv.registrations.chunk.duration", "s", "Time to decide and commit one chunk of messages.");
    }

    /// <summary>A root span of its own: a chunk belongs to many traces at once, so it links to them instead.</summary>
    public Activity? StartChunk(IEnumerable<ActivityContext> messages, int size)
    {
        var links = messages.Where(context => context != default).Select(context => new ActivityLink(context));
        return _source.StartActivity(ActivityKind.Internal, parentContext: default, tags: [new("msv.chunk.size", size)], links: links,
            name: "registrations chunk");
    }

    public void ChunkDecided(int size, TimeSpan elapsed)
    {
        _chunkSize.Record(size);
        _chunkDuration.Record(elapsed.TotalSeconds);
    }
}
