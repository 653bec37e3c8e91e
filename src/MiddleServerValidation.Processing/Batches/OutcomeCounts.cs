using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>How many rows of a chunk ended in each outcome; a withdrawal or answer applied counts as accepted.</summary>
internal sealed record OutcomeCounts(int Accepted, int Rejected, int Suspected, int Pending)
{
    public static OutcomeCounts Of(IEnumerable<BatchRowResult> results)
    {
        var (accepted, rejected, suspected, pending) = (0, 0, 0, 0);
        foreach (var result in results)
        {
            switch (result.Outcome)
            {
                case Outcomes.Accepted or Outcomes.Withdrawn or Outcomes.Answered: accepted++; break;
                case Outcomes.Suspected: suspected++; break;
                case Outcomes.Pending: pending++; break;
                default: rejected++; break;
            }
        }

        return new OutcomeCounts(accepted, rejected, suspected, pending);
    }
}
