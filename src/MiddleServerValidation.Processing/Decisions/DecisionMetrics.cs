using System.Diagnostics.Metrics;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>
/// Registrations and operations answered with an outcome, by outcome (Accepted, Rejected, Suspected, Pending; Withdrawn,
/// Answered for operations) and entry point (<see cref="Message"/> or <see cref="Batch"/>). Tags are these fixed words only: no insurer, no record.
/// </summary>
public sealed class DecisionMetrics
{
    public const string MeterName = "MiddleServerValidation.Decisions";
    public const string Message = "message";
    public const string Batch = "batch";

    private readonly Counter<long> _decided;

    public DecisionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _decided = meter.CreateCounter<long>("msv.registrations.decided", "{registration}",
            "Registrations answered with an outcome, by outcome and entry point (message or batch).");
    }

    public void Decided(string outcome, string entry, long count = 1)
    {
        if (count > 0)
        {
            _decided.Add(count, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("entry", entry));
        }
    }

    /// <summary>The messages a chunk answered: newly decided or refused; a redelivered duplicate was counted the first time.</summary>
    public void Decided(IEnumerable<RegistrationResult> results)
    {
        foreach (var result in results)
        {
            if (result is { Kind: RegistrationResultKind.Decided or RegistrationResultKind.Refused, Outcome: { } outcome })
            {
                Decided(outcome, Message);
            }
        }
    }
}
