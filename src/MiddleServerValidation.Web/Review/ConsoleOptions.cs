using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.Web.Review;

/// <summary>The review console (section <c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>A session ends after this long without a request.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    [Range(1, 500)]
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// Mark the sign-in and anti-forgery cookies Secure even when the request reached the host over plain HTTP
    /// (TLS ends at a proxy in front). Off: they are Secure exactly when the request was HTTPS.
    /// </summary>
    public bool SecureCookies { get; set; }
}

/// <summary>Refusing sign-in after repeated failures (section <c>Console:SignIn</c>).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Console:SignIn";

    /// <summary>Failures for one user name, since its last success within <see cref="Window"/>, before refusing.</summary>
    [Range(1, 100)]
    public int MaxFailuresPerUser { get; set; } = 5;

    /// <summary>Failures from one client address within <see cref="Window"/>, whatever the names, before refusing.</summary>
    [Range(1, 10000)]
    public int MaxFailuresPerClient { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Failed and refused sign-ins one client address may add to the audit log within <see cref="Window"/>; later ones
    /// are still counted (<c>sign_in_attempts</c>), not audited.
    /// </summary>
    [Range(1, 10000)]
    public int MaxAuditedFailuresPerClient { get; set; } = 30;

    /// <summary>How long sign-in stays refused after the last failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);
}
