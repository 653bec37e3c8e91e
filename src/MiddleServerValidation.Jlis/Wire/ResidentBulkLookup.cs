namespace MiddleServerValidation.Jlis.Wire;

/// <summary>Body of <c>POST /api/v1/residents/lookup-bulk</c>: up to <see cref="JlisWire.MaxBulkSize"/> numbers.</summary>
public sealed record ResidentBulkLookupRequest(IReadOnlyList<string> PersonalNumbers);

/// <summary>
/// 200 answer of the bulk lookup: one entry per requested number, in the request's order, null where no
/// resident has the number. The numbers are not echoed back.
/// </summary>
public sealed record ResidentBulkLookupResponse(IReadOnlyList<ResidentLookupResponse?> Residents);
