-- AlterEnum
ALTER TYPE "CommentStatus" ADD VALUE 'removed';
