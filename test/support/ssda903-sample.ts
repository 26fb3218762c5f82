/**
 * A tiny, valid SSDA903 return for 2025/26 (two children), written by hand for tests of the import machinery:
 * C1 came into care on 1 May 2025 under a care order (C2) with foster carers (U4) and is still looked after, with
 * a social worker; C2 was accommodated under s20 (V2) from 10 June to 20 December 2025 and went home (E4A).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SAMPLE_903 = {
  header: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,M,15/06/2012,WBRI,UN2,,\r\nC2,F,03/02/2010,BAFR,UN2,0,\r\n',
  episodes:
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n' +
    'C1,01/05/2025,S,C2,N1,U4,PR1,,,,N12 0AB,N13 1AB,SC000001\r\n' +
    'C2,10/06/2025,S,V2,N4,U6,PR4,20/12/2025,E4A,,E1 6AN,E2 7AB,SC000002\r\n',
  socialWorkers: 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\r\nC1,15/06/2012,SW1001,01/05/2025,,FCONTA\r\n',
} as const;

/** The same return with C1's episode ending on 31 February 2026, a date that does not exist (row 2, column DEC). */
export const SAMPLE_903_BAD_EPISODES = SAMPLE_903.episodes.replace(
  'C1,01/05/2025,S,C2,N1,U4,PR1,,',
  'C1,01/05/2025,S,C2,N1,U4,PR1,31/02/2026,E4A',
);

/**
 * A second small return, for 2024/25, with children of its own (W1, W2) and no UPN, so that importing it touches
 * nothing the 2025/26 sample gave: W1 came into care on 1 May 2024 under a care order (C2) with foster carers (U4)
 * and is still looked after on 31 March 2025, with a social worker; W2 was accommodated under s20 (V2) from
 * 10 June to 20 December 2024 and went home (E4A). At 31 March 2025: one child in care.
 */
export const SAMPLE_903_2025 = {
  header: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nW1,M,02/09/2013,WBRI,UN2,,\r\nW2,F,11/11/2009,BAFR,UN2,0,\r\n',
  episodes:
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n' +
    'W1,01/05/2024,S,C2,N1,U4,PR1,,,,N12 0AB,N13 1AB,SC000001\r\n' +
    'W2,10/06/2024,S,V2,N4,U6,PR4,20/12/2024,E4A,,E1 6AN,E2 7AB,SC000002\r\n',
  socialWorkers: 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\r\nW1,02/09/2013,SW1001,01/05/2024,,FCONTA\r\n',
} as const;

/** SAMPLE_903 written as a folder of its three CSV files (header, episodes, social workers), for an import. */
export async function sample903Folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-903-sample-'));
  await writeFile(path.join(dir, 'header.csv'), SAMPLE_903.header);
  await writeFile(path.join(dir, 'episodes.csv'), SAMPLE_903.episodes);
  await writeFile(path.join(dir, 'sw.csv'), SAMPLE_903.socialWorkers);
  return dir;
}
