namespace MiddleServerValidation.BatchFiles.Csv;

/// <summary>What one record may hold at most: the bound on the reader's memory.</summary>
public sealed record CsvLimits(int MaxFieldLength, int MaxFields, int MaxRecordLength)
{
    public static CsvLimits Default { get; } = new(MaxFieldLength: 4_096, MaxFields: 256, MaxRecordLength: 1 << 20);
}
