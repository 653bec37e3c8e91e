namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// An earlier registration of the number that J-LIS shows to be the wrong side of a conflict: the new registration
/// agrees with J-LIS, this one does not. Its own insurer is notified with <paramref name="Reasons"/> (about its record
/// only, never who or what the other insurer registered) and the record is held.
/// </summary>
public sealed record EarlierSuspect(Guid RegistrationId, string InsurerNumber, IReadOnlyList<Reason> Reasons, Finding Finding);
