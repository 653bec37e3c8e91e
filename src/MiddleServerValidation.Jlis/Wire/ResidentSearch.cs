namespace MiddleServerValidation.Jlis.Wire;

/// <summary>
/// Body of <c>POST /api/v1/residents/search</c>, a search by the basic four facts (基本4情報). A POST body, because
/// names and addresses are personal data and URLs get logged. <c>birthDate</c> and at least one of the names are
/// required; <c>sex</c> (<c>"1"</c>/<c>"2"</c>) and <c>address</c> narrow the search.
/// </summary>
public sealed record ResidentSearchRequest(string? KanjiName, string? KanaName, DateOnly? BirthDate, string? Sex, string? Address);

/// <summary>
/// 200 answer of the search: every candidate (none, one or several) up to <see cref="JlisWire.MaxSearchCandidates"/>,
/// <c>truncated</c> when there were more.
/// </summary>
public sealed record ResidentSearchResponse(IReadOnlyList<ResidentSearchCandidate> Candidates, bool Truncated);

/// <summary>One resident the search found, with its number and all it holds, so the caller can check every fact itself.</summary>
public sealed record ResidentSearchCandidate(string PersonalNumber, ResidentLookupResponse Resident);
