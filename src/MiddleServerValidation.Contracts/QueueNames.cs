namespace MiddleServerValidation.Contracts;

/// <summary>The queue names of the external contract.</summary>
public static class QueueNames
{
    /// <summary>Where insurers publish <see cref="RegisterEnrollee"/> (envelope or plain JSON).</summary>
    public const string Registrations = "enrollee-registrations";

    /// <summary>Where the web host leaves <see cref="ProcessBatch"/> claim checks for the workers.</summary>
    public const string Batches = "registration-batches";

    /// <summary>The insurer's own notice queue; only that insurer may read it.</summary>
    public static string Notices(string insurerNumber) => $"notices.{insurerNumber}";
}
