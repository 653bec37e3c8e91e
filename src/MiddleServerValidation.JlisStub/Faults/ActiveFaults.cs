using System.Threading.RateLimiting;

namespace MiddleServerValidation.JlisStub.Faults;

/// <summary>
/// One immutable set of settings with its own limiter and error counter. Changing faults swaps the
/// whole object, so a request never sees half of the old settings and half of the new ones.
/// </summary>
internal sealed class ActiveFaults
{
    private readonly FixedWindowRateLimiter? limiter;
    private readonly Lock gate = new();
    private double errorCredit;

    public ActiveFaults(FaultSettings settings)
    {
        Settings = settings;
        if (settings.RequestsPerSecond > 0)
        {
            // Replenished on demand rather than by a timer: an abandoned limiter then holds no timer
            // and needs no disposal when faults are swapped while requests still use it.
            limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.RequestsPerSecond,
                Window = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = false,
            });
        }
    }

    public FaultSettings Settings { get; }

    public bool TryAcquireRequestPermit()
    {
        if (limiter is null)
        {
            return true;
        }

        limiter.TryReplenish();
        using var lease = limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    /// <summary>Deterministic error spreading: accumulate the rate, fail each time it reaches a whole request.</summary>
    public bool NextRequestFails()
    {
        if (Settings.ErrorRate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            errorCredit += Settings.ErrorRate;
            if (errorCredit < 1 - 1e-9)
            {
                return false;
            }

            errorCredit -= 1;
            return true;
        }
    }
}
