namespace MiddleServerValidation.Contracts;

/// <summary>The queue names of the external contract.</summary>
public static class QueueNames
{
    /// <summary>The queue every registration is decided from (envelope or plain JSON); insurers do not publish to it directly.</summary>
    public const string Registrations = "enrollee-registrations";

    /// <summary>
    /// The exchange an insurer publishes its <see cref="RegisterEnrollee"/> messages to. Only that insurer's broker user
    /// may write to it, so it is what says which insurer sent a message; it is bound to <see cref="Registrations"/>.
    /// </summary>
    public static string RegistrationsExchange(string insurerNumber) => $"registrations.{insurerNumber}";

    /// <summary>The insurer whose registrations exchange this is, or null for any other exchange.</summary>
    public static string? InsurerOfRegistrationsExchange(string? exchange) =>
        exchange is { Length: > 14 } && exchange.StartsWith("registrations.", StringComparison.Ordinal) ? exchange[14..] : null;

    /// <summary>Where the web host leaves <see cref="ProcessBatch"/> claim checks for the workers.</summary>
    public const string Batches = "registration-batches";

    /// <summary>
    /// The topic exchange <see cref="RegistrationStateChanged"/> events are published to, routing key
    /// <c>{insurer}.{state}</c>: a downstream system binds its own queue (<c>#</c> for all, <c>06139992.*</c> for one insurer).
    /// </summary>
    public const string RegistrationStates = "registration-states";

    /// <summary>The routing key of a state event.</summary>
    public static string StateRoutingKey(string insurerNumber, string state) => $"{insurerNumber}.{state}";

    /// <summary>The insurer's own notice queue; only that insurer may read it.</summary>
    public static string Notices(string insurerNumber) => $"notices.{insurerNumber}";
}
