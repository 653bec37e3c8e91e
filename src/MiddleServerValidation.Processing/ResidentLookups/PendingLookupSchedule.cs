namespace MiddleServerValidation.Processing.ResidentLookups;

/// <summary>When a lookup J-LIS could not answer is tried again: quickly at first, then less often.</summary>
public sealed class PendingLookupSchedule(ProcessingOptions options)
{
    public TimeSpan DelayAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));
        return TimeSpan.FromTicks((long)Math.Min(options.PendingLookupFirstDelay.Ticks * factor, options.PendingLookupMaxDelay.Ticks));
    }
}
