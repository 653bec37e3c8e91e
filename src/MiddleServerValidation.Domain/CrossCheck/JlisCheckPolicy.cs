namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>Which registrations are checked against J-LIS by their number (setting <c>Processing:JlisCheck</c>).</summary>
public enum JlisCheckPolicy
{
    /// <summary>
    /// Every registration with a number, history or not, on all the facts it holds: how the middle server has worked
    /// since 2024 (DOMAIN.md §6). The default of the service.
    /// </summary>
    EveryRegistration,

    /// <summary>Only a number without accepted history, and an unexplained surname change: the behaviour before 2024.</summary>
    WithoutHistory,
}
