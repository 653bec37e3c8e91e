using System.Text;

namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>
/// Splits one CSV line (RFC 4180 quoting: <c>"…"</c>, <c>""</c> for a quote), so an address may hold a comma.
/// A field never spans lines. Fields are trimmed.
/// </summary>
internal static class CsvFields
{
    /// <summary>The fields, or null when a quote is not closed.</summary>
    public static string[]? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return quoted ? null : fields.ToArray();
    }
}
