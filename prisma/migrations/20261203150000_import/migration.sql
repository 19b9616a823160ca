-- Import (lib/import): where an imported article or post came from, so a second import adds
-- nothing; an imported guest's name and email. Nullable columns only: nothing existing changes.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "importKey" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "guestEmail" TEXT;
ALTER TABLE "Comment" ADD COLUMN "guestName" TEXT;
ALTER TABLE "Comment" ADD COLUMN "importKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Article_importKey_key" ON "Article"("importKey");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_importKey_key" ON "Comment"("importKey");

