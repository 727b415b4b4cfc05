/**
 * Said to an applicant while they write, in a blind cycle: what reviewers will not see, so that
 * nobody loses the point of an answer to a "[link withheld]" they did not expect.
 */
export function BlindReviewNotice() {
  return (
    <aside className="notice" aria-labelledby="blind-review-notice">
      <h2 id="blind-review-notice">Reviewers will not know who you are</h2>
      <p>
        This cycle is reviewed blind. Before reviewers read your answers, your name is replaced by “[name withheld]”,
        and every web address, email address and @handle by “[link withheld]”. Describe your work in words rather than
        linking to it. Files reach reviewers under a neutral name, without their document properties (such as author or
        title); do not put your name in the file’s text.
      </p>
    </aside>
  );
}
