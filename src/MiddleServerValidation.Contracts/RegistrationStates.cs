namespace MiddleServerValidation.Contracts;

/// <summary>
/// Whether a registration may be used (閲覧停止 or not), as <see cref="RegistrationNotice.State"/>, the registration read
/// and <see cref="RegistrationStateChanged"/> give it.
/// </summary>
public static class RegistrationStates
{
    /// <summary>Accepted, or its findings all closed: usable.</summary>
    public const string Usable = nameof(Usable);

    /// <summary>閲覧停止: Suspected with a finding still open, or Pending while J-LIS cannot be asked.</summary>
    public const string Held = nameof(Held);

    /// <summary>Withdrawn by its insurer: out of use and out of every cross-check.</summary>
    public const string Withdrawn = nameof(Withdrawn);

    /// <summary>Invalid as sent: never usable; correct it.</summary>
    public const string Rejected = nameof(Rejected);

    /// <summary>A version a correction replaced (never a record's current state).</summary>
    public const string Superseded = nameof(Superseded);
}
