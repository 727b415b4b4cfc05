/**
 * The fixed mix of directory searches the benchmark runs (as the page's query strings): single
 * words, prefixes, names, phrases, exclusions, "or", filters alone, and the bare first page.
 */
export const DIRECTORY_MIX = [
  "q=encryption",
  "q=net+neutrality",
  "q=copyright&language=German",
  "q=surveillance&region=Europe",
  "q=journalists&discipline=journalist",
  "q=mesh&available=now",
  "q=%22digital+security%22",
  "q=privacy+-children",
  "q=shutdowns+or+censorship",
  "q=amina+okafor",
  "q=zara",
  "q=trustworth&sort=updated",
  "q=security+training&skill=security+training",
  "q=librarians&language=Spanish&region=Latin+America+%26+Caribbean",
  "q=open+data&discipline=researcher&discipline=technologist",
  "discipline=policy&language=French",
  "skill=rust&region=South+Asia",
  "language=Swahili&available=now",
  "",
  "q=accessibility&page=2",
] as const;
