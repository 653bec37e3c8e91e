namespace MiddleServerValidation.BatchFiles;

/// <summary>
/// The contract column an unknown header name was probably meant to be (a typo: <c>birthdate</c> for
/// <c>birth_date</c>), so that an error can help without repeating what the file holds.
/// </summary>
internal static class ColumnNameHint
{
    private const int MaxEdits = 2;

    public static string? Closest(string name)
    {
        if (name.Length > 40)
        {
            return null;
        }

        var best = (Name: (string?)null, Edits: MaxEdits + 1);
        foreach (var candidate in BatchColumns.Names)
        {
            var edits = Distance(name, candidate);
            if (edits < best.Edits)
            {
                best = (candidate, edits);
            }
        }

        return best.Name;
    }

    // Levenshtein distance, one row at a time.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
