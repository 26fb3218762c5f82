/**
 * Synthetic names: a first name and a surname drawn at random and independently from lists of common given names
 * and family names in England (the kind found in ONS baby-name and surname frequency tables). The combinations
 * are chance, not records of anyone; no real person's data is used.
 *
 * The lists are grouped loosely by broad ethnic group only so that a borough's names look plausible; a child of any
 * group may draw from any list (the mixing probability below), as in life.
 */
import type { EthnicGroup } from '../domain/code-lists';
import type { Rng } from './random';

const FIRST_MALE: Record<EthnicGroup, readonly string[]> = {
  White: [
    'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Thomas', 'Oscar', 'William', 'James', 'Leo',
    'Alfie', 'Henry', 'Joshua', 'Freddie', 'Archie', 'Ethan', 'Isaac', 'Alexander', 'Joseph', 'Edward', 'Samuel',
    'Max', 'Logan', 'Lucas', 'Daniel', 'Theo', 'Arthur', 'Mason', 'Harrison', 'Tyler', 'Riley', 'Dylan', 'Jake',
    'Lewis', 'Callum', 'Kacper', 'Jakub', 'Filip', 'Luca', 'Matteo', 'Ryan', 'Connor', 'Kian', 'Reuben', 'Toby',
  ],
  Mixed: ['Elijah', 'Zachary', 'Jayden', 'Kai', 'Malachi', 'Josiah', 'Reggie', 'Jude', 'Ezra', 'Micah', 'Kyrie', 'Roman', 'Levi', 'Tyrell', 'Marley'],
  Asian: [
    'Muhammad', 'Mohammed', 'Ayaan', 'Aarav', 'Arjun', 'Yusuf', 'Ibrahim', 'Zayn', 'Rayan', 'Aryan', 'Hamza', 'Vihaan',
    'Ali', 'Omar', 'Krish', 'Rohan', 'Imran', 'Hassan', 'Dev', 'Reyansh', 'Sami', 'Bilal',
  ],
  Black: [
    'David', 'Joshua', 'Samuel', 'Daniel', 'Emmanuel', 'Jeremiah', 'Kwame', 'Kofi', 'Chidi', 'Tobi', 'Femi', 'Jamal',
    'Abdi', 'Mohamed', 'Isaiah', 'Nathaniel', 'Tyrese', 'Malik', 'Olu', 'Dwayne', 'Jerome', 'Ade',
  ],
  Other: ['Adam', 'Yousef', 'Karim', 'Omid', 'Amir', 'Ahmad', 'Arman', 'Leon', 'Wei', 'Jun', 'Daniel', 'Mateo', 'Diego', 'Ryo', 'Ali'],
};

const FIRST_FEMALE: Record<EthnicGroup, readonly string[]> = {
  White: [
    'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Emily', 'Isabella', 'Sophia', 'Grace', 'Lily', 'Freya', 'Ella',
    'Charlotte', 'Poppy', 'Evie', 'Jessica', 'Sophie', 'Ruby', 'Daisy', 'Florence', 'Alice', 'Rosie', 'Millie',
    'Phoebe', 'Matilda', 'Evelyn', 'Harriet', 'Chloe', 'Lucy', 'Holly', 'Megan', 'Erin', 'Amber', 'Zuzanna',
    'Maja', 'Lena', 'Hannah', 'Niamh', 'Siobhan', 'Maisie', 'Layla', 'Eleanor', 'Imogen', 'Scarlett',
  ],
  Mixed: ['Aaliyah', 'Nevaeh', 'Skye', 'Maya', 'Amara', 'Kiara', 'Naomi', 'Leah', 'Zara', 'Jasmine', 'Ariana', 'Nia', 'Imani', 'Eden', 'Serena'],
  Asian: [
    'Aisha', 'Fatima', 'Maryam', 'Zainab', 'Inaya', 'Anaya', 'Aaradhya', 'Priya', 'Sana', 'Hafsa', 'Ayesha', 'Riya',
    'Amira', 'Noor', 'Khadija', 'Saanvi', 'Diya', 'Mehreen', 'Zoya', 'Hana', 'Simran', 'Laila',
  ],
  Black: [
    'Grace', 'Blessing', 'Precious', 'Favour', 'Esther', 'Abigail', 'Chioma', 'Adaeze', 'Ama', 'Ife', 'Temi', 'Deborah',
    'Hodan', 'Amina', 'Hawa', 'Shanice', 'Keisha', 'Tiana', 'Jada', 'Zion', 'Folake', 'Nadia',
  ],
  Other: ['Sara', 'Mariam', 'Yasmin', 'Leyla', 'Shirin', 'Elif', 'Mei', 'Lina', 'Sofia', 'Valentina', 'Yuki', 'Dana', 'Nour', 'Rania', 'Hiba'],
};

const SURNAMES: Record<EthnicGroup, readonly string[]> = {
  White: [
    'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson',
    'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Harris', 'Lewis', 'Martin',
    'Cooper', 'Hill', 'Ward', 'Hughes', 'Moore', 'Turner', 'King', 'Baker', 'Harrison', 'Morris', 'Edwards', 'Lee',
    'Allen', 'Scott', 'Young', 'Mitchell', 'Carter', 'Murphy', 'Kelly', "O'Brien", 'Nowak', 'Kowalski', 'Popescu',
    'Cohen', 'Levy', 'Papadopoulos', 'Rossi', 'Murray', 'Bennett', 'Shaw', 'Gray', 'Fisher', 'Marshall',
  ],
  Mixed: ['Campbell', 'Grant', 'Francis', 'Henry', 'Reid', 'Stewart', 'Richards', 'Gordon', 'Barnes', 'Morgan', 'Powell', 'Simpson'],
  Asian: [
    'Patel', 'Khan', 'Ahmed', 'Ali', 'Hussain', 'Shah', 'Singh', 'Kaur', 'Begum', 'Rahman', 'Iqbal', 'Sharma',
    'Akhtar', 'Mahmood', 'Choudhury', 'Islam', 'Malik', 'Gupta', 'Desai', 'Mistry', 'Raza', 'Kumar',
  ],
  Black: [
    'Okafor', 'Mensah', 'Adeyemi', 'Osei', 'Boateng', 'Okoro', 'Adebayo', 'Owusu', 'Eze', 'Nwosu', 'Asante', 'Bello',
    'Mohamed', 'Abdi', 'Hassan', 'Johnson', 'Williams', 'Thomas', 'Francis', 'Clarke', 'Kamara', 'Diallo',
  ],
  Other: ['Hosseini', 'Karimi', 'Rahimi', 'Yilmaz', 'Demir', 'Haddad', 'Nasser', 'Chen', 'Wang', 'Li', 'Nguyen', 'Silva', 'Santos', 'Garcia', 'Tanaka'],
};

const GROUPS: readonly EthnicGroup[] = ['White', 'Mixed', 'Asian', 'Black', 'Other'];
/** Chance that a name is drawn from another group's list. */
const MIX = 0.15;

function listFor(rng: Rng, group: EthnicGroup | null): EthnicGroup {
  if (!group || rng.chance(MIX)) return rng.pick(GROUPS);
  return group;
}

export function firstName(rng: Rng, sex: string, group: EthnicGroup | null): string {
  const female = sex === 'F' || (sex !== 'M' && rng.chance(0.5));
  return rng.pick((female ? FIRST_FEMALE : FIRST_MALE)[listFor(rng, group)]);
}

export function surname(rng: Rng, group: EthnicGroup | null): string {
  return rng.pick(SURNAMES[listFor(rng, group)]);
}

/** "First Last" for a worker (adults draw from the same lists). */
export function fullName(rng: Rng, sex: string, group: EthnicGroup | null): string {
  return `${firstName(rng, sex, group)} ${surname(rng, group)}`;
}
