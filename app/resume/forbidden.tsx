import { LinkRefused } from "@/components/resume/link-refused";
import { resumeContact } from "@/lib/resume/settings";

export default function ResumeLinkEnded() {
  return (
    <LinkRefused
      title="This link can no longer be used"
      why="It has expired or has been withdrawn. A new link takes you back to where you left off."
      contact={resumeContact()}
    />
  );
}
