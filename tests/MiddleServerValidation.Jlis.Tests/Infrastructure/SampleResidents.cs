namespace MiddleServerValidation.Jlis.Tests.Infrastructure;

/// <summary>Numbers from the stub's residents.sample.csv, and one valid number it does not hold.</summary>
internal static class SampleResidents
{
    public const string Hanako = "111111111118";
    public const string Ichirou = "222222222225";
    public const string NoSex = "199351819090";
    public const string Unknown = "123456789018";

    public static readonly string[] All =
    [
        "111111111118", "222222222225", "333333333332", "444444444440", "444444444431", "526018159084",
        "301661318600", "913909960300", "824628194826", "199351819090", "378657975438",
    ];
}
