namespace MiddleServerValidation.Jlis.Wire;

/// <summary>Body of <c>POST /api/v1/residents/lookup</c>. The number travels in the body because URLs get logged.</summary>
public sealed record ResidentLookupRequest(string PersonalNumber);
