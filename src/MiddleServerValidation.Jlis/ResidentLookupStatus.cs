namespace MiddleServerValidation.Jlis;

public enum ResidentLookupStatus
{
    Found,
    NotFound,

    /// <summary>J-LIS could not answer; the caller keeps the registration pending and asks again later.</summary>
    Unavailable,
}
