using MiddleServerValidation.Domain.Operations;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>
/// Why staff found no error (理由付き疑いなし): a category to choose, always with a written reason. The same
/// categories insurers answer with (<see cref="OperationReasons.NoError"/>).
/// </summary>
public static class DismissalReasons
{
    public static IReadOnlyList<(string Key, string Label)> All => OperationReasons.NoError;

    public static bool IsKnown(string? key) => All.Any(r => r.Key == key);

    public static string Label(string? key) => OperationReasons.Label(key);
}
