import { describe, expect, it } from 'vitest';
import { lessonFromQuery, lessonLink } from './lesson-link.ts';

describe('lesson links', () => {
  it('reads the lesson a link opens, and nothing from a query that is not one', () => {
    expect(lessonFromQuery('?lesson=3')).toBe(3);
    expect(lessonFromQuery('?x=1&lesson=12')).toBe(12);
    expect(lessonFromQuery('')).toBeNull();
    expect(lessonFromQuery('?lesson=0')).toBeNull();
    expect(lessonFromQuery('?lesson=two')).toBeNull();
    expect(lessonFromQuery('?lesson=-1')).toBeNull();
  });

  it('makes a link to a lesson from the page address, keeping the path and dropping a share link', () => {
    expect(lessonLink('https://uni.example/os/playground/?lesson=1#code=abc', 4)).toBe('https://uni.example/os/playground/?lesson=4');
    expect(lessonLink('http://127.0.0.1:4173/', 2)).toBe('http://127.0.0.1:4173/?lesson=2');
  });
});
