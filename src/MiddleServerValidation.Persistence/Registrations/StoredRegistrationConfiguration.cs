using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Registrations;

internal sealed class StoredRegistrationConfiguration : IEntityTypeConfiguration<StoredRegistration>
{
    public void Configure(EntityTypeBuilder<StoredRegistration> builder)
    {
        builder.ToTable("registrations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.InsurerNumber).HasColumnName("insurer_number").HasMaxLength(8);
        builder.Property(r => r.RegistrationId).HasColumnName("registration_id").HasMaxLength(64);
        builder.Property(r => r.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        builder.Property(r => r.PersonalNumberKey).HasColumnName("personal_number_key");
        builder.Property(r => r.PersonalNumberCipher).HasColumnName("personal_number_cipher");
        builder.Property(r => r.BirthDate).HasColumnName("birth_date");
        builder.Property(r => r.KanaName).HasColumnName("kana_name");
        builder.Property(r => r.Sex).HasColumnName("sex");
        builder.Property(r => r.CardSymbol).HasColumnName("card_symbol");
        builder.Property(r => r.CardNumber).HasColumnName("card_number");
        builder.Property(r => r.BranchNumber).HasColumnName("branch_number");
        builder.Property(r => r.QualificationDate).HasColumnName("qualification_date");
        builder.Property(r => r.KanjiNameCipher).HasColumnName("kanji_name_cipher");
        builder.Property(r => r.AddressCipher).HasColumnName("address_cipher");
        builder.Property(r => r.SubmittedJson).HasColumnName("submitted").HasColumnType("jsonb");
        builder.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(16);
        builder.Property(r => r.ReasonsJson).HasColumnName("reasons").HasColumnType("jsonb");
        builder.Property(r => r.ResidentAnswerJson).HasColumnName("resident_answer").HasColumnType("jsonb");
        builder.Property(r => r.RuleSetVersion).HasColumnName("rule_set_version").HasMaxLength(32);
        builder.Property(r => r.ReceivedAt).HasColumnName("received_at");
        builder.Property(r => r.DecidedAt).HasColumnName("decided_at");
        builder.Property(r => r.Version).HasColumnName("version");
        builder.Property(r => r.State).HasColumnName("state").HasMaxLength(16);
        builder.Property(r => r.RetiredAt).HasColumnName("retired_at");
        builder.HasIndex(r => new { r.InsurerNumber, r.RegistrationId, r.Version }).IsUnique();
    }
}
