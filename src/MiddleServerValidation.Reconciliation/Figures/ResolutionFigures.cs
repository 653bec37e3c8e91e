namespace MiddleServerValidation.Reconciliation.Figures;

/// <summary>
/// How many findings were closed on a day (Japan time) by one insurer's records, per way of closing — the insurer's
/// correction, withdrawal or answer, or staff's dismissal — and how long they had stayed open (median, hours).
/// </summary>
public sealed record ResolutionFigure(DateOnly Date, string InsurerNumber, string Status, long Count, double MedianHoursOpen);
