/** Fictional applicants from many regions (names invented for the demo). */
export const DEMO_APPLICANTS = [
  ["Chiamaka Eze", "Lagos, Nigeria"],
  ["Tendai Moyo", "Harare, Zimbabwe"],
  ["Aisha Mwangi", "Nairobi, Kenya"],
  ["Kofi Boateng", "Accra, Ghana"],
  ["Fatou Diop", "Dakar, Senegal"],
  ["Thabo Nkosi", "Johannesburg, South Africa"],
  ["Selam Tesfaye", "Addis Ababa, Ethiopia"],
  ["Grace Achieng", "Kampala, Uganda"],
  ["Marcus Bell", "Detroit, USA"],
  ["Hannah Kowalski", "Chicago, USA"],
  ["Jordan Whitehorse", "Winnipeg, Canada"],
  ["Priya Raman", "Toronto, Canada"],
  ["Daniel Ortiz", "Oakland, USA"],
  ["Emily Tran", "Seattle, USA"],
  ["Ravi Menon", "Bengaluru, India"],
  ["Mei Lin", "Taipei, Taiwan"],
  ["Hiroshi Tanaka", "Osaka, Japan"],
  ["Nur Aziz", "Kuala Lumpur, Malaysia"],
  ["Arjun Shah", "Ahmedabad, India"],
  ["Layla Haddad", "Beirut, Lebanon"],
  ["Omar Farouk", "Cairo, Egypt"],
  ["Yasmine Benali", "Tunis, Tunisia"],
  ["Reza Karimi", "Istanbul, Türkiye"],
  ["Noor Al-Sayed", "Amman, Jordan"],
  ["Ingrid Larsen", "Oslo, Norway"],
  ["Mateusz Nowak", "Kraków, Poland"],
  ["Clara Fontaine", "Lyon, France"],
  ["Luca Bianchi", "Bologna, Italy"],
  ["Ana Ferreira", "Porto, Portugal"],
  ["Camila Rojas", "Bogotá, Colombia"],
  ["Diego Fernández", "Buenos Aires, Argentina"],
  ["Beatriz Santos", "Recife, Brazil"],
  ["Valentina Cruz", "Lima, Peru"],
  ["Sipho Dlamini", "Durban, South Africa"],
  ["Amara Okonkwo", "Enugu, Nigeria"],
  ["Lindiwe Zulu", "Lusaka, Zambia"],
  ["Tomasz Wiśniewski", "Gdańsk, Poland"],
  ["Mariam Sow", "Bamako, Mali"],
  ["Kai Nakamura", "Honolulu, USA"],
  ["Sofia Petrova", "Sofia, Bulgaria"],
] as const;

export function demoEmail(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.|\.$/g, "");
  return `${slug}@applicants.demo.test`;
}
