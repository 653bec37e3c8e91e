using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Notices;

internal sealed class OutboxNoticeConfiguration : IEntityTypeConfiguration<OutboxNotice>
{
    public void Configure(EntityTypeBuilder<OutboxNotice> builder)
    {
        builder.ToTable("notices");
        builder.HasKey(n => n.NoticeId);
        builder.Property(n => n.NoticeId).HasColumnName("notice_id");
        builder.Property(n => n.RegistrationId).HasColumnName("registration_id");
        builder.Property(n => n.InsurerNumber).HasColumnName("insurer_number").HasMaxLength(8);
        builder.Property(n => n.Outcome).HasColumnName("outcome").HasMaxLength(16);
        builder.Property(n => n.PayloadJson).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(n => n.CreatedAt).HasColumnName("created_at");
        builder.Property(n => n.DispatchedAt).HasColumnName("dispatched_at");
        builder.Property(n => n.ClaimedUntil).HasColumnName("claimed_until");
        builder.Property(n => n.ClaimedBy).HasColumnName("claimed_by");
        builder.Property(n => n.Kind).HasColumnName("kind").HasMaxLength(8);
        builder.Property(n => n.Seq).HasColumnName("seq").ValueGeneratedOnAdd();
    }
}
