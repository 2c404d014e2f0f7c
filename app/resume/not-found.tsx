import { LinkRefused } from "@/components/resume/link-refused";
import { resumeContact } from "@/lib/resume/settings";

export default function ResumeLinkNotValid() {
  return (
    <LinkRefused
      title="This link isn't valid"
      why="It may have been copied incompletely or changed. Please use the link exactly as you received it, or ask for a new one."
      contact={resumeContact()}
    />
  );
}
